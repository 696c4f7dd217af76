import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def url = '/v1/upload/919bb351ef424e2daaf3dd80c179fae9/202506/1749730526922581391.png'
def sets = recordsTo(sandboxPort, '/img')
check(sets.size() == 1, "one call, the PUT, and no upload: ${sets.collect { [it.method, it.path] }}")
def set = sets[0]
check(set.method == 'PUT' && set.path == '/v3/plan/919bb351ef424e2daaf3dd80c179fae9/management/bf56512ab4e544c29d03d068711ca56a/img', "call ${set.method} ${set.path}")
check(set.status == 200, "status ${set.status}")
check(new JsonSlurper().parseText(set.jsonBody) == [img_url: url], "body ${set.jsonBody}")
check(set.headers['content-type'].startsWith('application/json'), "content type ${set.headers['content-type']}")

def report = new JsonSlurper().parse(new File(basedir, 'target/worklink/thumbnail.json'))
check(report.outcome == 'success' && report.items.size() == 1, "report ${report}")
def item = report.items[0]
check(item.status == 'set' && item.imgUrl == url && item.planName && item.planType == 'gantt', "report item ${item}")
def log = new File(basedir, 'build.log').text
check(log.contains("worklink:thumbnail: plan bf56512ab4e544c29d03d068711ca56a '${item.planName}' (gantt) has the thumbnail ${url}."),
        'the log names the plan and its type as the service returned them')
return true
