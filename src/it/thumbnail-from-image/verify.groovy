import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def project = '919bb351ef424e2daaf3dd80c179fae9'
def image = new File(basedir, 'src/site/plan-cover.jpg').toPath()
def calls = recordsTo(sandboxPort, '/img').sort(false) { it.seq }
check(calls.collect { it.method + ' ' + it.path } == ["POST /v2/${project}/img", "PUT /v3/plan/${project}/management/mind-map_7/img"].collect { it.toString() },
        "upload, then set: ${calls.collect { [it.method, it.path] }}")
def (upload, set) = calls
check(upload.status == 200 && set.status == 200, "statuses ${upload.status}, ${set.status}")
check(calls.every { it.authenticatedAs == 'aksk:SANDBOXAK00000000001' }, 'both calls are signed with the access key')
check(upload.parts.size() == 1 && upload.parts[0].field == 'file' && upload.parts[0].fileName == 'plan-cover.jpg', "parts ${upload.parts}")
check(upload.parts[0].contentType == 'image/jpeg', "content type ${upload.parts[0].contentType}")
check(upload.parts[0].sha256 == sha256(image), 'the image arrived changed')

// The sandbox names an uploaded image by its content: the first 8 bytes of its SHA-256 as an unsigned decimal.
def name = new BigInteger(sha256(image).substring(0, 16), 16).toString()
def sent = new JsonSlurper().parseText(set.jsonBody).img_url
check(sent ==~ "/v1/upload/${project}/\\d{6}/${name}\\.jpg", "the set call must carry exactly the img_url the upload returned, got ${sent}")

def report = new JsonSlurper().parse(new File(basedir, 'target/worklink/thumbnail.json'))
def item = report.items[0]
check(report.outcome == 'success' && item.status == 'set' && item.imgUrl == sent && item.imgId && item.planType == 'mind', "report ${item}")
def log = new File(basedir, 'build.log').text
check(log.contains("Uploaded plan-cover.jpg (image/jpeg, ") && log.contains(" to project ${project} as ${sent}"), 'the log names the uploaded url')
check(log.contains("worklink:thumbnail: plan mind-map_7 '${item.planName}' (mind) has the thumbnail ${sent}."), 'no summary line')
return true
