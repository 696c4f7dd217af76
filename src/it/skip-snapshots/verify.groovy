import static dev.worklink.it.ItSandbox.*

def log = new File(basedir, 'build.log').text
def said = 'worklink: version 1.1-SNAPSHOT is a snapshot and skipSnapshots=true: nothing is published.'
check(log.count(said) == 1, "said once for the build, got ${log.count(said)}")
check(records(sandboxPort).isEmpty(), "nothing may be sent, but the sandbox received ${records(sandboxPort)}")
check(!new File(basedir, 'target/worklink/attach.json').exists(), 'no report: nothing was published')
def summary = new File(basedir, 'target/summary.md').text
check(summary.contains('### worklink:attach · skip-snapshots · skipped'), "attach skipped in the summary:\n${summary}")
check(summary.contains('### worklink:link · skip-snapshots · skipped'), "link skipped in the summary:\n${summary}")
return true
