package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class LinkMojoTest {

    @Test
    void workItemsAreCommaSeparatedPositiveIntegersInTheirOrder() {
        ParameterCheck check = new ParameterCheck();

        assertThat(LinkMojo.workItems(check, " 9192109, 9191020 ,9192109,,1,956239067176935401"))
                .containsExactly(9192109L, 9191020L, 9192109L, 1L, 956239067176935401L);
        assertThat(check.ok()).isTrue();
    }

    @Test
    void aWorkItemThatIsNoNumberIsNamedWithItsParameterAndTheRule() {
        ParameterCheck check = new ParameterCheck();

        LinkMojo.workItems(check, "1,12a,0,9223372036854775808,956239067176935401");

        assertThatThrownBy(() -> check.throwIfAny("link")).isInstanceOf(MojoFailureException.class).hasMessage(
                "worklink:link was not run: 3 problems in its configuration:\n"
                        + "  - parameter workItems (worklink.workItems) = '12a': a work item id must be a positive integer of at most 19 digits, up to 9223372036854775807 (^[1-9][0-9]{0,18}$)\n"
                        + "  - parameter workItems (worklink.workItems) = '0': a work item id must be a positive integer of at most 19 digits, up to 9223372036854775807 (^[1-9][0-9]{0,18}$)\n"
                        + "  - parameter workItems (worklink.workItems) = '9223372036854775808': a work item id must be a positive integer of at most 19 digits, up to 9223372036854775807 (^[1-9][0-9]{0,18}$)\n"
                        + "Nothing was sent.");
    }

    @Test
    void workItemsAreRequired() {
        ParameterCheck check = new ParameterCheck();

        LinkMojo.workItems(check, " , ");

        assertThatThrownBy(() -> check.throwIfAny("link")).hasMessageContaining(
                "parameter workItems (worklink.workItems) is not set: is required: comma-separated work item ids;");
    }

    @Test
    void planIdsAreLettersDigitsDashesAndUnderscoresUpTo64() {
        assertThat(LinkMojo.PLAN_ID.matcher("bf56512ab4e544c29d03d068711ca56a").matches()).isTrue();
        assertThat(LinkMojo.PLAN_ID.matcher("release_2-0").matches()).isTrue();
        assertThat(LinkMojo.PLAN_ID.matcher("a".repeat(64)).matches()).isTrue();
        assertThat(LinkMojo.PLAN_ID.matcher("a".repeat(65)).matches()).isFalse();
        assertThat(LinkMojo.PLAN_ID.matcher("").matches()).isFalse();
        assertThat(LinkMojo.PLAN_ID.matcher("a/b").matches()).isFalse();
    }
}
