import static dev.worklink.it.ItSandbox.*

check(records(sandboxPort).isEmpty(), "a dry run sends nothing: ${records(sandboxPort)}")
def log = new File(basedir, 'build.log').text
def req = 'https://projectman-ext.ap-southeast-3.myhuaweicloud.com'
def pipeline = 'https://cloudpipeline-ext.ap-southeast-3.myhuaweicloud.com'
def project = '0123456789abcdef0123456789abcde9'
def plan = 'f29c3f16d5f54cbab5e167ef9eed3baf'
check(log.contains("[dry run] would send POST ${req}/v1/ipdprojectservice/projects/${project}/issues/956239067176935409/attachments/upload"),
        'attach goes to the region\'s CodeArts Req host')
check(log.contains("[dry run] would send POST ${req}/v3/plan/${project}/${plan}/issue"), 'link goes to the region\'s CodeArts Req host')
check(log.contains("[dry run] would send PUT ${req}/v3/plan/${project}/management/${plan}/img"), 'thumbnail goes to the region\'s CodeArts Req host')
check(log.contains("[dry run] would send POST ${pipeline}/v1/ce8df55870164338a72d7e828a966a2a/common/upload-plugin-icon?plugin_name=regional"),
        'icon goes to the region\'s CodeArts Pipeline host')
check(!log.contains("${req}/v1/ce8df55870164338a72d7e828a966a2a/common/upload-plugin-icon"), 'icon must not go to the Req host')
check(!log.contains("${pipeline}/v1/ipdprojectservice") && !log.contains("${pipeline}/v3/plan"), 'Req calls must not go to the Pipeline host')
['attach', 'link', 'thumbnail', 'icon'].each { goal ->
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, "target/worklink/${goal}.json"))
    check(report.endpoint == (goal == 'icon' ? pipeline : req), "the ${goal} report names the endpoint it would use: ${report.endpoint}")
    check(report.dryRun == true, "the ${goal} report says dry run")
}
return true
