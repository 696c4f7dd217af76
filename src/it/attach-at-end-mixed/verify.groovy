import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def uploads = recordsTo(sandboxPort, '/attachments/upload')
def names = uploads.collect { it.parts[0].fileName }.sort()
check(names == ['module-a-1.0.jar', 'module-b-1.0.jar', 'module-c-1.0.jar'], "every module's jar exactly once: ${names}")
def log = new File(basedir, 'build.log').text
check(log.count('attachAtEnd: this is the last module; uploading the files of 3 module(s)') == 1,
        'the root, a and c wait for the last module; b attached at once')
// b was uploaded during its own build, before c was built
check(log.indexOf('Attached module-b-1.0.jar') < log.indexOf('Building module-c'), 'b attaches at once')
['a', 'b', 'c'].each { m ->
    def report = new JsonSlurper().parse(new File(basedir, "${m}/target/worklink/attach.json"))
    check(report.items*.file == ["module-${m}-1.0.jar"], "module ${m}'s report holds its own file: ${report.items*.file}")
}
return true
