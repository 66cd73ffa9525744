package dev.deskassist.examples.embed;

import dev.deskassist.core.adapter.WebhookRequest;
import dev.deskassist.core.pipeline.Acceptance;
import dev.deskassist.core.pipeline.WebhookIntake;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pipeline behind a Spring MVC controller, for docs/pipeline.md. The body is taken as raw
 * bytes ({@code byte[]}), never as a parsed object: signatures are computed over the exact bytes.
 * Register the {@link dev.deskassist.core.pipeline.Pipeline} as a bean (started on context start,
 * {@code stop} on close) and inject it as the {@link WebhookIntake}.
 */
// tag::pipeline-spring[]
@RestController
public class SpringWebhookController {
    private final WebhookIntake intake;   // the Pipeline bean

    public SpringWebhookController(WebhookIntake intake) {
        this.intake = intake;
    }

    @PostMapping("/webhooks/{helpdesk}")
    public ResponseEntity<String> webhook(@PathVariable String helpdesk, @RequestHeader HttpHeaders headers,
                                          @RequestBody(required = false) byte[] body) {
        Acceptance a = intake.accept(helpdesk,
                WebhookRequest.of("POST", "/webhooks/" + helpdesk, headers, body, Instant.now()));
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(a.status()).contentType(MediaType.APPLICATION_JSON);
        a.retryAfterValue().ifPresent(d -> answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(d.toSeconds())));
        return answer.body(a.body());
    }
}
// end::pipeline-spring[]
