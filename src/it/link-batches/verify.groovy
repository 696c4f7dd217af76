import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def path = '/v3/plan/5192de5eb435430c8cd41c6ae6028848/f29c3f16d5f54cbab5e167ef9eed3baf/issue'
def calls = recordsTo(sandboxPort, '/issue')
check(calls.size() == 3, "250 distinct ids: expected 3 calls, got ${calls.size()}: ${calls*.path}")
check(calls.every { it.method == 'POST' && it.path == path && it.status == 200 }, "calls ${calls.collect { [it.method, it.path, it.status] }}")
check(calls.every { it.authenticatedAs == 'token:sandbox-user' }, 'each call carries the IAM token')
def batches = calls.sort(false) { it.seq }.collect { new JsonSlurper().parseText(it.jsonBody) }
check(batches*.size() == [100, 100, 50], "batch sizes ${batches*.size()}")
def sent = batches.flatten()
check(sent == (1001..1250).toList(), "every id exactly once, in the order first given: ${sent}")

def report = new JsonSlurper().parse(new File(basedir, 'target/worklink/link.json'))
check(report.outcome == 'success', "report outcome ${report.outcome}")
check(report.items*.status == ['linked', 'linked', 'linked'], "report ${report.items*.status}")
check(report.items*.workItems.flatten() == (1001..1250).toList(), 'the report lists every id once')
def log = new File(basedir, 'build.log').text
check(log.contains('workItems: 28 duplicate id(s) removed'), 'the log says duplicates were removed')
check(log.contains('worklink:link: 250 work item(s) linked to plan f29c3f16d5f54cbab5e167ef9eed3baf in 3 call(s).'), 'no summary line')
return true
