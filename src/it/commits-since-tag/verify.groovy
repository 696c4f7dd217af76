import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def (a1, a2) = new File(basedir, 'commits.txt').readLines()
def base = '/v1/ipdprojectservice/projects/0123456789abcdef0123456789abcdef/issues/'
def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads*.path.sort() == [base + '956239067176935401/attachments/upload', base + '956239067176935402/attachments/upload'],
        "the jar goes to exactly the two work items named since v1.0, once each: ${uploads*.path}")
check(uploads.every { it.parts[0].fileName == 'commits-since-tag-1.1.jar' && it.status == 200 }, "uploads ${uploads}")

def links = recordsTo(sandboxPort, '/v3/plan/')
check(links.size() == 1, "one link call, got ${links.size()}")
check(new JsonSlurper().parseText(links[0].jsonBody) == [956239067176935401, 956239067176935402], "link body ${links[0].jsonBody}")

def log = new File(basedir, 'build.log').text
check(log.contains("956239067176935401 named by ${a1}, ${a2}"), 'the log names the commits of each work item')
check(log.contains("956239067176935402 named by ${a2}"), 'the log names the commit of the second work item')
check((log =~ /workItemsFromCommits: 3 commit\(s\), v1\.0 \([0-9a-f]{7}\)\.\.HEAD \([0-9a-f]{7}\)/).find(), 'the log names the range')
check(!log.contains('956239067176935409'), 'a work item named only before the tag is not used')

def summary = new File(basedir, 'step-summary.md').text
check(summary.startsWith('# Release job\n\n'), 'the summary is appended to, not overwritten')
def report = new JsonSlurper().parse(new File(basedir, 'target/worklink/attach.json'))
check(report.items.size() == 2, "report ${report.items}")
report.items.each { item ->
    check(summary.contains("| commits-since-tag-1.1.jar | ${item.size} | ${item.workItem} | uploaded | ${item.attachmentId} |"),
            "the summary lists the upload to ${item.workItem} with its attachment id ${item.attachmentId}:\n${summary}")
}
check(summary.contains('### worklink:attach · commits-since-tag · success'), "attach heading:\n${summary}")
check(summary.contains('### worklink:link · commits-since-tag · success'), "link heading:\n${summary}")
check(summary.contains('plan f29c3f16d5f54cbab5e167ef9eed3baf at'), "the link section names the plan:\n${summary}")
check(summary.contains('| 1 | 956239067176935401, 956239067176935402 | linked |'), "the linked work items:\n${summary}")
check(!summary.contains('sandbox-password') && !issuedTokens(sandboxPort).any { summary.contains(it) }, 'no secret in the summary')
return true
