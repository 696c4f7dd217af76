import static dev.worklink.it.ItSandbox.*

def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 4, "2 files × 2 work items: expected 4 uploads, got ${uploads.size()}")
['4711', '4712'].each { id ->
    ['app-1.0.zip', 'docs-1.0.zip'].each { name ->
        def u = uploads.find { it.path == "/v4/projects/0123456789abcdef0123456789abcde7/issues/${id}/attachments/upload" && it.parts[0].fileName == name }
        check(u != null, "no upload of ${name} to Scrum work item ${id}")
        check(u.parts[0].sha256 == sha256(new File(basedir, "dist/${name}").toPath()), "bytes of ${name} changed")
        check(u.headers['x-auth-token'] != null, 'the ready token must be sent as X-Auth-Token')
    }
}
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/worklink/attach.json'))
check(report.goal == 'attach' && report.outcome == 'success' && !report.dryRun, "report ${report.goal} ${report.outcome} ${report.dryRun}")
check(report.items.size() == 4, "the report lists 2 files × 2 work items: ${report.items}")
check(report.items.collect { [it.workItem, it.file] }.toSet() == [['4711', 'app-1.0.zip'], ['4711', 'docs-1.0.zip'], ['4712', 'app-1.0.zip'],
        ['4712', 'docs-1.0.zip']].toSet(), "report items ${report.items.collect { [it.workItem, it.file] }}")
report.items.each { item ->
    check(item.status == 'uploaded' && item.httpStatus == 200, "report item ${item}")
    check(item.size == new File(basedir, "dist/${item.file}").length(), "report size of ${item.file}: ${item.size}")
    check(item.attachmentId ==~ /\d+/, "the report holds the id the service gave each attachment: ${item}")
}
check(report.items*.attachmentId.toSet().size() == 4, "four uploads, four attachment ids: ${report.items*.attachmentId}")
check(recordsTo(sandboxPort, '/v3/auth/tokens').isEmpty(), 'token mode must not call IAM')
check(recordsTo(sandboxPort, '/attachments?').isEmpty() && records(sandboxPort).every { it.method == 'POST' }, 'Scrum has no list call')

// The Scrum answer is flat ({id, issue_id, ...}): the report carries the id the sandbox gave each attachment.
def stored = storedAttachments(sandboxPort)
report.items.each { item ->
    def s = stored.find { it.issueId == item.workItem && it.fileName == item.file }
    check(s != null, "the sandbox stored no ${item.file} on ${item.workItem}")
    check(item.status == 'uploaded' && item.attachmentId == s.id, "the report must carry the attachment id ${s.id} for ${item.file} on ${item.workItem}: ${item}")
}
def log = new File(basedir, 'build.log').text
check(stored.every { log.contains(" as attachment ${it.id}") }, 'each upload line names its attachment id')
return true
