package dev.worklink.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklink.codearts.AttachmentOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachMojoTest {

    private static AttachmentOutcome failed(String workItem, Integer httpStatus) {
        return new AttachmentOutcome("app.jar", "/tmp/app.jar", 10, workItem, AttachmentOutcome.FAILED, null, "refused", null, null, httpStatus);
    }

    @Test
    void failuresThatAreAll4xxAreTheUsersToFix() {
        assertThat(AttachMojo.usersError(List.of(failed("1", 400), failed("2", 403)))).isTrue();
    }

    @Test
    void aPartialFailureWithOne5xxOrLostConnectionIsNotTheUsersError() {
        assertThat(AttachMojo.usersError(List.of(failed("1", 400), failed("2", 503)))).isFalse();
        assertThat(AttachMojo.usersError(List.of(failed("1", 400), failed("2", null)))).isFalse();
    }

    @Test
    void statusErrorInA200IsNotTheUsersError() {
        assertThat(AttachMojo.usersError(List.of(failed("1", 200)))).isFalse();
    }
}
