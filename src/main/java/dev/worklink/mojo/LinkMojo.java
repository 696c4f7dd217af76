package dev.worklink.mojo;

import dev.worklink.codearts.Endpoints;
import dev.worklink.codearts.PlanWorkItems;
import dev.worklink.git.CommitWorkItems;
import dev.worklink.report.PublishReport;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Associates work items with a Huawei Cloud CodeArts Req Gantt plan, in batches of at most 100 (the service's limit
 * per call), without duplicates. When a batch fails, the batches after it are not sent, and the message and the
 * report say which work items were linked and which were not.
 */
@Mojo(name = "link", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class LinkMojo extends AbstractWorkItemsMojo {

    static final Pattern PLAN_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    static final String PLAN_ID_RULE = "must be the plan's id: 1 to 64 letters, digits, '-' or '_' (^[A-Za-z0-9_-]{1,64}$)";
    // Scrum ids have up to 10 digits, IPD ids 18 or 19: the service takes JSON integers, so any positive 64-bit one.
    static final Pattern WORK_ITEM = Pattern.compile("^[1-9][0-9]{0,18}$");
    static final String WORK_ITEM_RULE = "a work item id must be a positive integer of at most 19 digits, up to 9223372036854775807 (^[1-9][0-9]{0,18}$)";

    /** The CodeArts Req project's 32-character id. */
    @Parameter(property = "worklink.projectId")
    private String projectId;

    /** The id of the Gantt plan to link the work items to: letters, digits, {@code -} and {@code _}, at most 64. */
    @Parameter(property = "worklink.planId")
    private String planId;

    /**
     * Comma-separated ids of the work items to link, each a positive integer. Duplicates are sent once; more than 100
     * go in several calls of at most 100. Optional with {@code workItemsFromCommits}, which adds the ids the release's
     * commits name.
     */
    @Parameter(property = "worklink.workItems")
    private String workItems;

    @Override
    protected String goal() {
        return "link";
    }

    @Override
    protected String summaryTarget() {
        return "plan " + planId;
    }

    @Override
    protected void publish() throws MojoExecutionException, MojoFailureException {
        ParameterCheck check = new ParameterCheck();
        checkCommon(check);
        check.matches("projectId", projectId, AttachMojo.PROJECT_ID, AttachMojo.PROJECT_ID_RULE);
        check.matches("planId", planId, PLAN_ID, PLAN_ID_RULE);
        List<CommitWorkItems.Found> found = workItemsFromCommits(check);
        checkFound(check, found, LinkMojo::isWorkItem, WORK_ITEM_RULE);
        List<String> typedAndFound = joined(ParameterCheck.split(workItems), found.stream().filter(f -> isWorkItem(f.id())).toList());
        List<Long> ids = workItems(check, String.join(",", typedAndFound), !workItemsFromCommits);
        if (ids.isEmpty() && workItemsFromCommits) {
            check.throwIfAny(goal());
            noWorkItemsInCommits();
            return;
        }
        CodeArtsConnection connection = connectCodeArts(check, Endpoints::req);
        URI base = connection.endpoint();
        if (!firstInBuild(List.of(base.toString(), serverIdOr("codearts"), projectId, planId, new java.util.TreeSet<>(ids).toString()),
                "linking the work items to plan " + planId)) {
            return;
        }
        PlanWorkItems.Result result = new PlanWorkItems(connection.client(), connection.auth(), base, coreLog()).link(projectId, planId, ids);
        if (result.duplicatesRemoved() > 0) {
            getLog().info("workItems: " + result.duplicatesRemoved() + " duplicate id(s) removed; each work item is linked once.");
        }
        Path report = reportPath();
        writeReport(PublishReport.of(goal(), base.toString(), dryRun, result.failed() ? "failed" : "success", result.batches()), report);
        int unique = ids.size() - result.duplicatesRemoved();
        if (dryRun) {
            getLog().info("[dry run] " + unique + " work item(s) would be linked to plan " + planId + " in " + result.batches().size()
                    + " call(s); nothing was sent. Report: " + report);
        } else if (!result.failed()) {
            getLog().info("worklink:link: " + result.linked().size() + " work item(s) linked to plan " + planId + " in "
                    + result.batches().size() + " call(s). Report: " + report);
        } else {
            failed(result.failureMessage() + "\nReport: " + report, result.userError());
        }
    }

    static boolean isWorkItem(String id) {
        if (!WORK_ITEM.matcher(id).matches()) {
            return false;
        }
        try {
            Long.parseLong(id);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The ids, checked one by one; each broken one is reported with its value. */
    static List<Long> workItems(ParameterCheck check, String value) {
        return workItems(check, value, true);
    }

    /** The ids, checked one by one (a found id that breaks the rule was reported with its commits: it is left out here). */
    static List<Long> workItems(ParameterCheck check, String value, boolean required) {
        List<String> parts = ParameterCheck.split(value);
        List<Long> ids = new ArrayList<>();
        if (parts.isEmpty() && required) {
            check.fail("workItems", null, "is required: comma-separated work item ids; " + WORK_ITEM_RULE);
            return ids;
        }
        for (String part : parts) {
            if (isWorkItem(part)) {
                ids.add(Long.parseLong(part));
            } else {
                check.fail("workItems", part, WORK_ITEM_RULE);
            }
        }
        return ids;
    }
}
