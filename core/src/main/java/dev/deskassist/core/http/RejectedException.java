package dev.deskassist.core.http;

/**
 * The service knows who we are but its rules refuse this request: a permission, an ACL, a
 * business rule, a data policy or a plan feature said no (ServiceNow's 403). Unlike
 * {@link AuthenticationException} the credentials work; unlike {@link ValidationException} the
 * content is well-formed. Repeating the request will not help; someone must change a rule or a
 * role. Which statuses mean this is the service's {@link StatusClassifier}'s choice.
 */
public class RejectedException extends HttpApiException {

    private static final long serialVersionUID = 1L;

    public RejectedException(String service, int status, String method, String path, ErrorDetails details) {
        super(service, status, method, path, details.code(), details.summary(), null);
    }
}
