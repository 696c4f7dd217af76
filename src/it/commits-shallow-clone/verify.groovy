import static dev.worklink.it.ItSandbox.*

def log = new File(basedir, 'build.log').text
check(log.contains("parameter workItemsFromCommits (worklink.workItemsFromCommits) = 'true': The git repository "), 'the default range fails')
check(log.contains("parameter commitRange (worklink.commitRange) = 'v1.0..HEAD': The git repository "), 'the explicit range fails')
check(log.contains('.git is a shallow clone: it lacks the older commits and tags'), 'the message says the clone is shallow')
check(log.contains("set 'fetch-depth: 0' on actions/checkout"), 'the message names fetch-depth: 0')
check(log.contains("'git fetch --unshallow --tags'"), 'the message names git fetch --unshallow')
check(log.count('[ERROR] Nothing was sent.') == 2, 'each failure says nothing was sent')
check(records(sandboxPort).isEmpty(), "nothing may be sent, but the sandbox received ${records(sandboxPort)}")
return true
