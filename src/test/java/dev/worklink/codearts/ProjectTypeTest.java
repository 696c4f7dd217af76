package dev.worklink.codearts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectTypeTest {

    @Test
    void autoMeansIpdWhenEveryIdHas18Or19Digits() {
        assertThat(ProjectType.of("auto", List.of("956239067176935400", "9562390671769354001"))).isEqualTo(ProjectType.IPD);
        assertThat(ProjectType.of("auto", List.of("4711"))).isEqualTo(ProjectType.SCRUM);
    }

    @Test
    void ipdIdsHave18Or19DigitsAndNoOtherLength() {
        assertThat(ProjectType.IPD.acceptsIssueId("956239067176935400")).isTrue();
        assertThat(ProjectType.IPD.acceptsIssueId("95623906717693540")).isFalse();
        assertThat(ProjectType.IPD.acceptsIssueId("95623906717693540012")).isFalse();
    }

    @Test
    void scrumIdsArePositiveIntegersSoA17DigitIdFitsNeitherForm() {
        assertThat(ProjectType.SCRUM.acceptsIssueId("9192109")).isTrue();
        assertThat(ProjectType.SCRUM.acceptsIssueId("0")).isFalse();
        assertThat(ProjectType.SCRUM.acceptsIssueId("12a")).isFalse();
        ProjectType auto = ProjectType.of("auto", List.of("95623906717693540"));
        assertThat(auto.acceptsIssueId("95623906717693540")).isFalse();
    }

    @Test
    void anUnknownTypeIsRejected() {
        assertThatThrownBy(() -> ProjectType.of("kanban", List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
