import static dev.worklink.it.ItSandbox.*
import java.nio.file.Files

def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 3, "expected 3 uploads, got ${uploads.size()}")
['a', 'b', 'c'].each { m ->
    def file = new File(basedir, "${m}/target/module-${m}-1.0.jar").toPath()
    def upload = uploads.find { it.parts[0].fileName == "module-${m}-1.0.jar" }
    check(upload != null && upload.parts[0].sha256 == sha256(file), "module ${m}'s jar did not arrive intact")
}
check(recordsTo(sandboxPort, '/v3/auth/tokens').size() == 1, 'expected exactly one IAM call for the whole build')
def log = new File(basedir, 'build.log').text
check(log.count('attachAtEnd: this is the last module') == 1, 'the upload phase must run exactly once')
// every module finished building before the first upload began
def lastJar = log.lastIndexOf('Building jar:')
def firstUpload = log.indexOf('Attached module-')
check(lastJar >= 0 && firstUpload > lastJar, 'uploads started before the last module was built')
check(new File(basedir, 'target/worklink/attach.json').isFile(), 'no report in the execution root')
return true
