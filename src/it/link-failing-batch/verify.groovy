import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def calls = recordsTo(sandboxPort, '/issue').sort(false) { it.seq }
check(calls*.status == [200, 500, 200, 500], "each invocation: batch 1 linked, batch 2 refused, batch 3 never sent: ${calls*.status}")
def bodies = calls.collect { new JsonSlurper().parseText(it.jsonBody) }
check(bodies[0] == (7001..7100).toList() && bodies[1] == (7101..7200).toList(), 'the batches carried 7001..7100, then 7101..7200')
check(bodies[2] == bodies[0] && bodies[3] == bodies[1], 'the second invocation sent the same batches')

def log = new File(basedir, 'build.log').text
def notLinked = (7101..7250).join(', ')
def expected = [
    'Linking work items to plan release-2_0 stopped at batch 2 of 3: link 100 work item(s) to plan release-2_0 (batch 2 of 3) failed: HTTP 500',
    'Linked (100): ' + (7001..7100).join(', '),
    'Not linked (150): ' + notLinked,
    'The batches after batch 2 were not sent.',
    'To link the rest, run again with -Dworklink.workItems=' + (7101..7250).join(','),
]
// invocation 1 fails with the message (Maven prefixes each of its lines with [ERROR]); invocation 2 logs it as a warning
expected.drop(1).each { line ->
    check(log.contains('[ERROR] ' + line), "the failure must say: ${line.take(120)}")
}
check(log.contains('on project link-failing-batch: ' + expected[0]), 'the first invocation must fail with the message')
def warning = log.indexOf('[WARNING] ' + expected[0])
check(warning > log.indexOf('on project link-failing-batch: '), 'the second invocation must warn with the message')
expected.drop(1).each { line ->
    check(log.indexOf(line, warning) > warning, "the warning must also say: ${line.take(120)}")
}
check(log.contains('[WARNING] failOnError=false: the build goes on.'), 'failOnError=false must say the build goes on')

def report = new JsonSlurper().parse(new File(basedir, 'target/worklink/link.json'))
check(report.outcome == 'failed', "report outcome ${report.outcome}")
check(report.items*.status == ['linked', 'failed', 'not-sent'], "report ${report.items*.status}")
check(report.items[1].httpStatus == 500 && report.items[1].reason.contains('HTTP 500'), "the failed batch says why: ${report.items[1]}")
check(report.items[2].workItems == (7201..7250).toList(), 'the report lists the batch that was not sent')
return true
