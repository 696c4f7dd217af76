package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklink.superoffice.ImageOwner;
import java.lang.reflect.Field;
import java.util.List;
import org.codehaus.plexus.classworlds.ClassWorld;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.codehaus.plexus.component.configurator.BasicComponentConfigurator;
import org.codehaus.plexus.configuration.DefaultPlexusConfiguration;
import org.codehaus.plexus.configuration.PlexusConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The configurator Maven itself uses (Sisu's {@link BasicComponentConfigurator}) turns POM and {@code -D} text into
 * the mojos' enum and list parameters: choices in any case, lists split on commas.
 */
class ChoiceConfigurationTest {

    private static final ClassRealm REALM = realm();

    private static ClassRealm realm() {
        try {
            return new ClassWorld("test", ChoiceConfigurationTest.class.getClassLoader()).getRealm("test");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void configure(Object mojo, String... nameValue) throws Exception {
        PlexusConfiguration configuration = new DefaultPlexusConfiguration("configuration");
        for (int i = 0; i < nameValue.length; i += 2) {
            configuration.addChild(nameValue[i], nameValue[i + 1]);
        }
        new BasicComponentConfigurator().configureComponent(mojo, configuration, REALM);
    }

    private static Object field(Object target, String name) throws Exception {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
    }

    @ParameterizedTest
    @CsvSource({"ipd,IPD", "IPD,IPD", "Scrum,SCRUM", "auto,AUTO"})
    void projectTypeInAnyCase(String text, ProjectTypeChoice expected) throws Exception {
        AttachMojo mojo = new AttachMojo();
        configure(mojo, "projectType", text);
        assertThat(field(mojo, "projectType")).isEqualTo(expected);
        assertThat(field(mojo, "projectTypeText")).isNull();
    }

    @Test
    void anUnknownProjectTypeIsKeptForTheFailureMessage() throws Exception {
        AttachMojo mojo = new AttachMojo();
        configure(mojo, "projectType", "kanban");
        assertThat(field(mojo, "projectType")).isNull();
        assertThat(field(mojo, "projectTypeText")).isEqualTo("kanban");
    }

    @ParameterizedTest
    @CsvSource({"Project,PROJECT", "contact,CONTACT", "PERSON,PERSON"})
    void entityInAnyCase(String text, ImageOwner expected) throws Exception {
        ProjectImageMojo mojo = new ProjectImageMojo();
        configure(mojo, "entity", text);
        assertThat(field(mojo, "entity")).isEqualTo(expected);
    }

    @Test
    void aCommaSeparatedValueBecomesAList() throws Exception {
        LinkMojo mojo = new LinkMojo();
        configure(mojo, "workItems", "1001,1002");
        @SuppressWarnings("unchecked")
        List<String> items = (List<String>) field(mojo, "workItems");
        assertThat(ParameterCheck.split(items)).containsExactly("1001", "1002");
    }
}
