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
check(recordsTo(sandboxPort, '/v3/auth/tokens').isEmpty(), 'token mode must not call IAM')
check(recordsTo(sandboxPort, '/attachments?').isEmpty() && records(sandboxPort).every { it.method == 'POST' }, 'Scrum has no list call')
return true
