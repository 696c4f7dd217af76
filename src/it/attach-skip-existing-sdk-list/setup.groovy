import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
// The list entries as the SDKs' AttachmentEntity words them: the original name in title, the size as a string.
listShape(sandboxPort, 'sdk')
return true
