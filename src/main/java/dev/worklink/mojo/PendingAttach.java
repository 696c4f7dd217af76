package dev.worklink.mojo;

import dev.worklink.codearts.AttachmentPublisher;
import dev.worklink.http.RequestAuthenticator;
import dev.worklink.http.ServiceClient;
import java.net.URI;

/** One module's checked attachments, ready to upload now or, with attachAtEnd, after the last module. */
record PendingAttach(String module, URI endpoint, ServiceClient client, RequestAuthenticator auth, AttachmentPublisher.Plan plan,
        boolean failOnError) {}
