package dev.worklink.mojo;

import dev.worklink.git.CommitIdRule;
import dev.worklink.git.CommitWorkItems;
import dev.worklink.git.GitHistory;
import dev.worklink.git.GitHistoryException;
import dev.worklink.http.BuildScope;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The goals that act on work items ({@code attach}, {@code link}): besides the ids typed into the POM, they can take
 * the ids the release's commit messages name, found with CodeArts Repo's extraction rule.
 */
public abstract class AbstractWorkItemsMojo extends AbstractCodeArtsMojo {

    /**
     * Also take the work item ids from the commit messages of the release (read with JGit; no {@code git} binary
     * needed): by default the commits after the most recent tag that is not on HEAD itself, up to HEAD, so that
     * during {@code release:perform} (where HEAD is the release tag) it means "since the previous release". The ids
     * are found with {@code commitIdPrefixes} (CodeArts Repo's rule) or {@code commitIdPattern}, checked like typed
     * ones, joined with them, and duplicates removed. The clone needs its whole history: a shallow clone fails.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.workItemsFromCommits", defaultValue = "false")
    protected boolean workItemsFromCommits;

    /**
     * Which commits to read, as {@code <rev>..<rev>} ({@code v1.0..HEAD}, {@code v1.0..v1.1}): the commits reachable
     * from the second and not from the first. Default: from the most recent tag not on HEAD itself, to HEAD.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.commitRange")
    protected String commitRange;

    /**
     * CodeArts Repo's "automatic ID extraction rules" (E2E settings): up to 10 prefixes, matched as plain text (not
     * regular expressions), each followed by ids split at {@code commitIdSeparator} up to {@code commitIdSuffix}, e.g.
     * {@code #}. One of this and {@code commitIdPattern} is needed with {@code workItemsFromCommits}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.commitIdPrefixes")
    protected List<String> commitIdPrefixes;

    /**
     * Between the ids after a prefix, as plain text; CodeArts Repo's default {@code ;}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.commitIdSeparator", defaultValue = ";")
    protected String commitIdSeparator;

    /**
     * Where the ids after a prefix end, as plain text; by default (CodeArts Repo's) the end of the line. With prefix
     * {@code #} and ids written in the middle of a sentence, a space ends them.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.commitIdSuffix")
    protected String commitIdSuffix;

    /**
     * Instead of the prefix rule: a regular expression whose first group is an id, e.g. {@code #(\d{18,19})}.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.commitIdPattern")
    protected String commitIdPattern;

    /**
     * With {@code workItemsFromCommits}: fail the build when no commit of the range names a work item (and none is
     * typed). Otherwise that is a warning and the goal publishes nothing.
     *
     * @since 0.2.0
     */
    @Parameter(property = "worklink.failIfNoWorkItemsInCommits", defaultValue = "false")
    protected boolean failIfNoWorkItemsInCommits;

    /** What one build read of one state of a repository, or why it could not: read once for every module and goal. */
    private record HistoryRead(GitHistory.Range range, String error) {}

    /**
     * The candidate ids the release's commits name (not yet checked against an id rule), or an empty list when
     * {@code workItemsFromCommits} is off. A broken rule or an unreadable history is added to {@code check}.
     */
    protected List<CommitWorkItems.Found> workItemsFromCommits(ParameterCheck check) {
        if (!workItemsFromCommits) {
            return List.of();
        }
        CommitIdRule rule = commitIdRule(check);
        if (rule == null) {
            return List.of();
        }
        GitHistory.Head head;
        try {
            head = GitHistory.head(project.getBasedir().toPath());
        } catch (GitHistoryException e) {
            check.fail("workItemsFromCommits", true, e.getMessage());
            return List.of();
        }
        String range = commitRange == null ? "" : commitRange.trim();
        Object key = BuildScope.key(HistoryRead.class, head.gitDir(), head.commit(), range);
        HistoryRead read = build.scope().shared(key, HistoryRead.class, () -> {
            try {
                return new HistoryRead(GitHistory.read(head.gitDir(), range), null);
            } catch (GitHistoryException e) {
                return new HistoryRead(null, e.getMessage());
            }
        });
        if (read.error() != null) {
            check.fail((commitRange == null || commitRange.isBlank() ? "workItemsFromCommits" : "commitRange"),
                    commitRange == null || commitRange.isBlank() ? (Object) true : commitRange, read.error());
            return List.of();
        }
        List<CommitWorkItems.Found> found = CommitWorkItems.find(read.range(), rule);
        AtomicBoolean logged = build.scope().shared(BuildScope.key(CommitWorkItems.class, key, rule.describe(), goal()),
                AtomicBoolean.class, AtomicBoolean::new);
        logFound(read.range(), rule, found, logged.compareAndSet(false, true));
        return found;
    }

    private CommitIdRule commitIdRule(ParameterCheck check) {
        boolean hasPattern = commitIdPattern != null && !commitIdPattern.isBlank();
        List<String> prefixes = commitIdPrefixes == null ? List.of()
                : commitIdPrefixes.stream().filter(p -> p != null && !p.isBlank()).map(String::trim).toList();
        if (hasPattern && !prefixes.isEmpty()) {
            check.fail("commitIdPattern", commitIdPattern, "is given with commitIdPrefixes " + prefixes + "; give one of the two");
            return null;
        }
        try {
            if (hasPattern) {
                return CommitIdRule.pattern(commitIdPattern);
            }
            if (prefixes.isEmpty()) {
                check.fail("commitIdPrefixes", null, "workItemsFromCommits needs a rule to find ids in commit messages: commitIdPrefixes "
                        + "(CodeArts Repo's rule, e.g. #) or commitIdPattern (a regular expression whose first group is an id)");
                return null;
            }
            return CommitIdRule.prefixes(prefixes, commitIdSeparator, commitIdSuffix);
        } catch (IllegalArgumentException e) {
            if (hasPattern) {
                check.fail("commitIdPattern", commitIdPattern, e.getMessage());
            } else {
                check.fail("commitIdPrefixes", prefixes, e.getMessage());
            }
            return null;
        }
    }

    private void logFound(GitHistory.Range range, CommitIdRule rule, List<CommitWorkItems.Found> found, boolean first) {
        String head = "workItemsFromCommits: " + range.commits().size() + " commit(s), " + range.description() + ", " + rule.describe();
        if (!first) {
            getLog().info(head + ": " + (found.isEmpty() ? "no work item" : found.stream().map(CommitWorkItems.Found::id).toList())
                    + (dryRun ? " [dry run]" : "") + " (listed above)");
            return;
        }
        getLog().info(head + (found.isEmpty() ? ": no work item named." : ":"));
        for (CommitWorkItems.Found f : found) {
            getLog().info((dryRun ? "[dry run]   " : "  ") + f.id() + " named by " + String.join(", ", f.commits()));
        }
    }

    /**
     * Checks every id found with {@code accepts}; one that breaks the rule is a problem naming the commits that wrote it.
     *
     * @param rule the id rule in words
     */
    protected static void checkFound(ParameterCheck check, List<CommitWorkItems.Found> found, Predicate<String> accepts, String rule) {
        for (CommitWorkItems.Found f : found) {
            if (!accepts.test(f.id())) {
                check.fail("workItemsFromCommits", f.id(), "found in commit(s) " + String.join(", ", f.commits()) + ", but " + rule
                        + ". Fix the extraction rule (commitIdPrefixes, commitIdSeparator, commitIdSuffix or commitIdPattern) or the range (commitRange)");
            }
        }
    }

    /**
     * The typed ids as given (the goal removes and counts their duplicates itself), then each id found that was not
     * typed, once.
     */
    protected static List<String> joined(List<String> typed, List<CommitWorkItems.Found> found) {
        List<String> all = new ArrayList<>(typed);
        Set<String> seen = new LinkedHashSet<>(typed);
        for (CommitWorkItems.Found f : found) {
            if (seen.add(f.id())) {
                all.add(f.id());
            }
        }
        return all;
    }

    /**
     * Nothing to act on although {@code workItemsFromCommits} is on: a warning (the goal then publishes nothing), or a
     * failure when {@code failIfNoWorkItemsInCommits} asks.
     */
    protected void noWorkItemsInCommits() throws MojoFailureException {
        String message = "worklink:" + goal() + ": no commit of the range names a work item (workItemsFromCommits), and no id is typed; "
                + "nothing is published. Check the extraction rule and the range in the lines above.";
        if (failIfNoWorkItemsInCommits) {
            throw new MojoFailureException(message + " (failIfNoWorkItemsInCommits=true)");
        }
        getLog().warn(message);
        summarize(dev.worklink.report.CiSummary.skipped(goal(), project.getArtifactId(), "No commit of the range names a work item "
                + "(workItemsFromCommits); nothing was published."));
    }
}
