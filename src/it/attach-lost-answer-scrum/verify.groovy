import static dev.worklink.it.ItSandbox.*

def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads.size() == 2, "each file is sent once, the one whose answer was lost too (at most one copy): ${uploads}")
def lost = uploads.find { it.status == 0 }
check(lost != null && uploads.count { it.status == 200 } == 1, "one answer lost, one answered: ${uploads*.status}")
def name = lost.parts[0].fileName
check(uploads*.parts*.getAt(0)*.fileName.toSet().size() == 2, "both files were sent, each once: ${uploads}")

def log = new File(basedir, 'build.log').text
check(log.contains('BUILD FAILURE'), 'the build must fail')
check(log.contains("${name} may already stand on work item 4721"), "the failure must name ${name} and say it may stand on the work item")
check(log.contains('Scrum projects have no call to list'), 'the failure must say why it was not sent again')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/worklink/attach.json'))
def item = report.items.find { it.file == name }
check(item.status == 'failed' && item.answerLost == 'unconfirmed', "report item ${item}")
check(report.items.find { it.file != name }.status == 'uploaded', "the other file ${report.items}")
return true
