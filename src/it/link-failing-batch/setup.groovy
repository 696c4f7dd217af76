import static dev.worklink.it.ItSandbox.*

reset(sandboxPort)
// One queued fault per invocation: each lets the first call to /issue through and answers 500 to the second.
// A 500 is not retried, so one fault covers one invocation.
2.times {
    misbehave(sandboxPort, '{"pathContains":"/issue","skip":1,"count":1,"status":500}')
}
return true
