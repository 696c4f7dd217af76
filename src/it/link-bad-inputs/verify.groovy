import static dev.worklink.it.ItSandbox.*

def log = new File(basedir, 'build.log').text
[
    "parameter workItems (worklink.workItems) = '12a': a work item id must be a positive integer of at most 19 digits, up to 9223372036854775807 (^[1-9][0-9]{0,18}\$)",
    "parameter planId (worklink.planId) is not set: is required; must be the plan's id: 1 to 64 letters, digits, '-' or '_' (^[A-Za-z0-9_-]{1,64}\$)",
    "parameter planId (worklink.planId) = 'release/2.0': must be the plan's id: 1 to 64 letters, digits, '-' or '_' (^[A-Za-z0-9_-]{1,64}\$)",
    "parameter workItems (worklink.workItems) is not set: is required: comma-separated work item ids;",
    "parameter projectId (worklink.projectId) = '5192de5eb435430c8cd41c6ae602884': must be the project's 32-character id: letters and digits only (^[A-Za-z0-9]{32}\$)",
].each { expected ->
    check(log.contains(expected), "the log lacks: ${expected}")
}
check(log.count('[ERROR] Nothing was sent.') == 5, 'each failure must say nothing was sent')
check(records(sandboxPort).isEmpty(), "bad inputs must fail before any request, but the sandbox received ${records(sandboxPort)}")
return true
