import static dev.worklink.it.ItSandbox.*

def uploads = recordsTo(sandboxPort, '/attachments/upload')
def names = uploads.collect { it.parts[0].fileName }.sort()
check(names == ['module-a-1.0.jar', 'module-c-1.0.jar'], "a and c run attach and are uploaded once each; b does not take part: ${names}")
['a', 'c'].each { m ->
    def upload = uploads.find { it.parts[0].fileName == "module-${m}-1.0.jar" }
    check(upload.parts[0].sha256 == sha256(new File(basedir, "${m}/target/module-${m}-1.0.jar").toPath()), "module ${m}'s jar changed")
}
def log = new File(basedir, 'build.log').text
check(log.count('attachAtEnd: this is the last module; uploading the files of') == 1, 'the upload phase must run exactly once')
check(!log.contains('held back'), 'nothing is held back')
return true
