import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
// AK/SK-signed CodeArts calls must carry a signed X-Project-Id naming the account's IAM project.
requireProjectId(sandboxPort, true)
return true
