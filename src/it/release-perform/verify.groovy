import static dev.worklink.it.ItSandbox.*
import groovy.json.JsonSlurper

def deployed = new File(new URI('file://' + new File(basedir, '../release-perform-deployed').canonicalPath + '/it/worklink/release-perform/1.1/release-perform-1.1.jar'))
check(deployed.isFile(), "release:perform deployed the release: ${deployed}")

def base = '/v1/ipdprojectservice/projects/0123456789abcdef0123456789abcdef/issues/'
def uploads = recordsTo(sandboxPort, '/attachments/upload')
check(uploads*.path.sort() == [base + '956239067176935401/attachments/upload', base + '956239067176935402/attachments/upload'],
        "the released jar goes to the two work items named since the previous tag, once each: ${uploads*.path}")
uploads.each { u ->
    check(u.status == 200 && u.parts[0].fileName == 'release-perform-1.1.jar', "upload ${u.path}: ${u.parts} ${u.status}")
    check(u.parts[0].sha256 == sha256(deployed.toPath()), 'the uploaded jar is the deployed release jar')
}
def links = recordsTo(sandboxPort, '/v3/plan/')
check(links.size() == 1 && links[0].status == 200, "one link call: ${links}")
check(new JsonSlurper().parseText(links[0].jsonBody) == [956239067176935401, 956239067176935402], "linked ${links[0].jsonBody}")

def log = new File(basedir, 'build.log').text
check(log.contains('release-perform-1.0 ('), "the range starts at the previous release's tag")
def (a1, a2) = new File(basedir, 'commits.txt').readLines()
check(log.contains("956239067176935401 named by ${a1}, ${a2}"), 'the forked build logs each work item with the commits that named it')
check(log.contains("956239067176935402 named by ${a2}"), 'the forked build logs the second work item')
check(!log.contains('956239067176935409'), 'the work item named only before the previous tag is left alone')
check(!log.contains('sandbox-password'), 'the password stays out of the log')
return true
