import static dev.worklink.it.ItSandbox.*

def log = new File(basedir, 'build.log').text
[
    "parameter projectId (worklink.projectId) = 'not-a-project-id': must be the project's 32-character id: letters and digits only (^[A-Za-z0-9]{32}\$)",
    "parameter issueIds (worklink.issueIds) = '95623906717693540': a work item id of an SCRUM project must be a positive integer of at most 10 digits",
    "parameter files (worklink.files) = 'target/missing.zip': 'target/missing.zip' is not a file",
    "parameter maxFileSize (worklink.maxFileSize) = '50MB (default)': big.bin is 53477376 bytes (51.0 MB), over the limit of 52428800 bytes",
    "parameter issueIds (worklink.issueIds) = '4711': a work item id of an IPD project must be 18 or 19 digits (^[0-9]{18,19}\$)",
].each { expected ->
    check(log.contains(expected), "the log lacks: ${expected}")
}
check(log.count('[ERROR] Nothing was sent.') == 5, 'each failure must say nothing was sent')
check(records(sandboxPort).isEmpty(), "bad inputs must fail before any request, but the sandbox received ${records(sandboxPort)}")
return true
