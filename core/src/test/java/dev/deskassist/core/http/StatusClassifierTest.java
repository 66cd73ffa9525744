package dev.deskassist.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatusClassifierTest {

    @Test
    void standardIsTodaysMapping() {
        StatusClassifier c = StatusClassifier.standard();
        assertEquals(ErrorKind.AUTHENTICATION, c.classify(401, ErrorDetails.NONE));
        assertEquals(ErrorKind.AUTHENTICATION, c.classify(403, ErrorDetails.NONE));
        assertEquals(ErrorKind.NOT_FOUND, c.classify(404, ErrorDetails.NONE));
        assertEquals(ErrorKind.CONFLICT, c.classify(409, ErrorDetails.NONE));
        assertEquals(ErrorKind.VALIDATION, c.classify(400, ErrorDetails.NONE));
        assertEquals(ErrorKind.VALIDATION, c.classify(422, ErrorDetails.NONE));
        assertEquals(ErrorKind.RATE_LIMITED, c.classify(429, ErrorDetails.NONE));
        assertEquals(ErrorKind.SERVER_ERROR, c.classify(503, ErrorDetails.NONE));
        assertEquals(ErrorKind.CLIENT_ERROR, c.classify(405, ErrorDetails.NONE));
    }

    @Test
    void overridesChainAndLeaveTheRestAlone() {
        StatusClassifier c = StatusClassifier.standard().withStatus(403, ErrorKind.REJECTED)
                .withStatus(410, ErrorKind.NOT_FOUND).withStatus(403, ErrorKind.REJECTED);
        assertEquals(ErrorKind.REJECTED, c.classify(403, ErrorDetails.NONE));
        assertEquals(ErrorKind.NOT_FOUND, c.classify(410, ErrorDetails.NONE));
        assertEquals(ErrorKind.AUTHENTICATION, c.classify(401, ErrorDetails.NONE));
        assertEquals(ErrorKind.AUTHENTICATION, StatusClassifier.standard().classify(403, ErrorDetails.NONE),
                "the standard classifier is not changed");
        assertThrows(IllegalArgumentException.class, () -> c.withStatus(200, ErrorKind.CLIENT_ERROR));
    }

    @Test
    void aClassifierMayReadTheErrorCode() {
        // e.g. a helpdesk whose 403 means a plan limit for one error code and a missing permission otherwise
        StatusClassifier c = (status, details) -> status == 403 && "access_denied".equals(details.code())
                ? ErrorKind.AUTHENTICATION : status == 403 ? ErrorKind.REJECTED
                : StatusClassifier.standard().classify(status, details);
        assertEquals(ErrorKind.AUTHENTICATION, c.classify(403, new ErrorDetails("access_denied", null, null)));
        assertEquals(ErrorKind.REJECTED, c.classify(403, ErrorDetails.NONE));
    }
}
