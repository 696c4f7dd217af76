package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor Maven reads ({@code META-INF/maven/plugin.xml}, generated from the mojos' annotations): which
 * property feeds which parameter of which goal, types and {@code since}. The oracle is the descriptor's XML, read here
 * with the JDK's parser, not the mojos' code.
 */
class GoalDescriptorTest {

    /** goal -> parameter -> property ("" when it has none). */
    private static final Map<String, Map<String, String>> PROPERTIES = new LinkedHashMap<>();
    /** goal -> parameter -> type. */
    private static final Map<String, Map<String, String>> TYPES = new LinkedHashMap<>();
    /** goal -> parameter -> since (null when missing), for editable parameters. */
    private static final Map<String, Map<String, String>> SINCE = new LinkedHashMap<>();

    private static final List<String> PUBLISHING_GOALS = List.of("attach", "link", "thumbnail", "icon", "project-image");

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = GoalDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertThat(in).as("the plugin descriptor (mvn process-classes writes it)").isNotNull();
            Element plugin = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in).getDocumentElement();
            NodeList mojos = plugin.getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element mojo = (Element) mojos.item(i);
                String goal = text(mojo, "goal");
                Map<String, String> props = PROPERTIES.computeIfAbsent(goal, g -> new LinkedHashMap<>());
                Map<String, String> types = TYPES.computeIfAbsent(goal, g -> new LinkedHashMap<>());
                Map<String, String> since = SINCE.computeIfAbsent(goal, g -> new LinkedHashMap<>());
                NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0)).getElementsByTagName("parameter");
                for (int p = 0; p < parameters.getLength(); p++) {
                    Element parameter = (Element) parameters.item(p);
                    String name = text(parameter, "name");
                    types.put(name, text(parameter, "type"));
                    if ("true".equals(text(parameter, "editable"))) {
                        since.put(name, text(parameter, "since"));
                    }
                }
                NodeList configuration = mojo.getElementsByTagName("configuration");
                if (configuration.getLength() > 0) {
                    NodeList values = configuration.item(0).getChildNodes();
                    for (int v = 0; v < values.getLength(); v++) {
                        if (values.item(v) instanceof Element e) {
                            String expression = e.getTextContent().trim();
                            props.put(e.getTagName(), expression.startsWith("${") && expression.endsWith("}")
                                    ? expression.substring(2, expression.length() - 1) : "");
                        }
                    }
                }
            }
        }
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    @Test
    void projectImageHasItsOwnSuperOfficeProperties() {
        Map<String, String> p = PROPERTIES.get("project-image");
        assertThat(p).containsEntry("endpoint", "worklink.superoffice.endpoint").containsEntry("projectId", "worklink.superoffice.projectId")
                .containsEntry("image", "worklink.superoffice.image").containsEntry("entity", "worklink.superoffice.entity")
                .containsEntry("serverId", "worklink.superoffice.serverId");
        assertThat(p.values()).doesNotContain("worklink.endpoint", "worklink.projectId", "worklink.image", "worklink.serverId", "worklink.entity");
    }

    @Test
    void projectImageListsNoHuaweiCloudCredentialParameterItWouldIgnore() {
        assertThat(PROPERTIES.get("project-image")).doesNotContainKeys("region", "auth", "domain", "iamEndpoint", "iamProjectId", "idTokenAudience");
        for (String goal : java.util.List.of("attach", "link", "thumbnail", "icon")) {
            assertThat(PROPERTIES.get(goal)).as(goal).containsKeys("region", "auth", "domain", "iamEndpoint", "iamProjectId", "idTokenAudience");
        }
    }

    @Test
    void thumbnailHasItsOwnImageProperties() {
        assertThat(PROPERTIES.get("thumbnail")).containsEntry("image", "worklink.thumbnail.image")
                .containsEntry("imageUrl", "worklink.thumbnail.imageUrl").containsEntry("projectId", "worklink.projectId");
    }

    @Test
    void aPropertyMeansOneThingAcrossGoals() {
        // the same property may feed the same parameter name only
        Map<String, String> parameterOf = new LinkedHashMap<>();
        PROPERTIES.forEach((goal, props) -> props.forEach((parameter, property) -> {
            if (!property.isEmpty() && property.startsWith("worklink.")) {
                String before = parameterOf.putIfAbsent(property, parameter);
                assertThat(before == null || before.equals(parameter)).as(property + " feeds " + before + " and " + goal + "'s " + parameter).isTrue();
            }
        }));
        // and the CodeArts endpoint and project are not read by project-image
        assertThat(PROPERTIES.get("attach")).containsEntry("endpoint", "worklink.endpoint").containsEntry("serverId", "worklink.serverId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"attach", "link", "thumbnail", "icon", "project-image"})
    void eachGoalHasItsOwnSkipBesideTheSharedOne(String goal) {
        Map<String, String> p = PROPERTIES.get(goal);
        assertThat(p).containsEntry("skip", "worklink.skip");
        assertThat(p).containsValue("worklink." + goal + ".skip");
        PUBLISHING_GOALS.stream().filter(other -> !other.equals(goal))
                .forEach(other -> assertThat(p).doesNotContainValue("worklink." + other + ".skip"));
    }

    @Test
    void listsAreLists() {
        assertThat(TYPES.get("attach")).containsEntry("issueIds", "java.util.List").containsEntry("classifiers", "java.util.List")
                .containsEntry("files", "java.util.List").containsEntry("commitIdPrefixes", "java.util.List");
        assertThat(TYPES.get("link")).containsEntry("workItems", "java.util.List");
    }

    @Test
    void choicesAreEnums() {
        assertThat(TYPES.get("attach")).containsEntry("projectType", ProjectTypeChoice.class.getName());
        assertThat(TYPES.get("project-image")).containsEntry("entity", dev.worklink.superoffice.ImageOwner.class.getName());
    }

    @Test
    void everyParameterSaysSinceWhen() {
        // help is generated by maven-plugin-plugin, not written here
        SINCE.entrySet().stream().filter(e -> !e.getKey().equals("help")).forEach(e -> e.getValue().forEach((parameter, version) ->
                assertThat(version).as(e.getKey() + "'s " + parameter).isIn("0.1.0", "0.2.0")));
        assertThat(SINCE.get("project-image")).containsEntry("endpoint", "0.2.0").containsEntry("skipProjectImage", "0.2.0");
    }
}
