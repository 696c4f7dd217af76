package dev.worklink.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommitIdRuleTest {

    @Test
    void aPrefixWithTheDefaultsTakesTheRestOfTheLineSplitAtSemicolons() {
        CommitIdRule rule = CommitIdRule.prefixes(List.of("fixes:"), null, null);

        assertThat(rule.idsIn("Upload retries\n\nfixes: 956239067176935401;956239067176935402 \nSigned-off-by: A"))
                .containsExactly("956239067176935401", "956239067176935402");
    }

    @Test
    void prefixesAreMatchedAsPlainTextNotAsRegularExpressions() {
        CommitIdRule rule = CommitIdRule.prefixes(List.of("[#", "(.*)"), null, "]");

        assertThat(rule.idsIn("Fix [#123] and (.*)456] but not x456]")).containsExactly("123", "456");
    }

    @Test
    void aSuffixEndsTheListAndTheLineIsSearchedOnAfterIt() {
        CommitIdRule rule = CommitIdRule.prefixes(List.of("#"), ",", " ");

        assertThat(rule.idsIn("Fix #12,13 and #14 too")).containsExactly("12", "13", "14");
    }

    @Test
    void aSuffixThatDoesNotFollowRunsToTheEndOfTheLineOnly() {
        CommitIdRule rule = CommitIdRule.prefixes(List.of("#"), null, "]");

        assertThat(rule.idsIn("#1;2\n#3")).containsExactly("1", "2", "3");
    }

    @Test
    void withTheDefaultSuffixWordsAfterAnIdStayInTheCandidate() {
        CommitIdRule rule = CommitIdRule.prefixes(List.of("#"), null, null);

        assertThat(rule.idsIn("Fix #12 and #13")).containsExactly("12 and #13");
    }

    @Test
    void theLongestOfTwoPrefixesAtTheSamePlaceWins() {
        CommitIdRule rule = CommitIdRule.prefixes(List.of("fix", "fix #"), null, " ");

        assertThat(rule.idsIn("fix #77 now")).containsExactly("77");
    }

    @Test
    void aPatternTakesItsFirstGroupOfEveryMatch() {
        CommitIdRule rule = CommitIdRule.pattern("(?:AR|US)-(\\d{18,19})");

        assertThat(rule.idsIn("AR-956239067176935401 done\nsee US-956239067176935402, not XX-1"))
                .containsExactly("956239067176935401", "956239067176935402");
    }

    @Test
    void aMessageWithoutThePrefixNamesNothing() {
        assertThat(CommitIdRule.prefixes(List.of("#"), null, null).idsIn("Refactor the uploader")).isEmpty();
    }

    @Test
    void elevenPrefixesAreRefusedAsCodeArtsRepoDoes() {
        List<String> eleven = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");

        assertThatThrownBy(() -> CommitIdRule.prefixes(eleven, null, null))
                .hasMessage("takes at most 10 prefixes (as CodeArts Repo), not 11");
    }

    @Test
    void aPatternWithoutAGroupIsRefused() {
        assertThatThrownBy(() -> CommitIdRule.pattern("#\\d+")).hasMessage("needs a group, (...), around the id");
    }

    @Test
    void aPatternThatDoesNotCompileIsRefused() {
        assertThatThrownBy(() -> CommitIdRule.pattern("#(\\d+")).hasMessageStartingWith("is not a valid regular expression");
    }
}
