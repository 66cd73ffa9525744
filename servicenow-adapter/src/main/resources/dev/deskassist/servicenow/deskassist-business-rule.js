/*
 * DeskAssist business rule: tells DeskAssist that a record changed. See docs/servicenow.md.
 *
 *   Table:     incident (or sn_customerservice_case, as servicenow.table says)
 *   When:      async; Insert and Update checked; Advanced checked
 *   Condition: gs.getUserName() != 'deskassist.integration'
 *   Script:    this file
 *
 * Needs the REST Message "DeskAssist" with the HTTP method "notify" (POST to
 * https://<your DeskAssist host>/webhooks/servicenow) and the system property
 * deskassist.webhook.secret (the same value as servicenow.webhookSecret; printable ASCII, e.g.
 * 64 hex digits). Replace deskassist.integration (here and in the condition) with the user name
 * DeskAssist writes as.
 *
 * The call is never retried by ServiceNow; DeskAssist's poller picks up what a failed call missed.
 */
(function executeRule(current, previous /* null in async rules */) {
    var INTEGRATION_USER = 'deskassist.integration';

    // who made this version; the condition already skipped the integration user's own session
    var actor = current.getValue('sys_updated_by') || gs.getUserName();
    if (actor == INTEGRATION_USER) {
        return;
    }
    var secret = gs.getProperty('deskassist.webhook.secret');
    if (!secret) {
        gs.error('DeskAssist: the system property deskassist.webhook.secret is not set; no call sent');
        return;
    }
    var modCount = current.getValue('sys_mod_count');
    var payload = {
        table: current.getTableName(),
        sys_id: current.getUniqueValue(),
        number: current.getValue('number'),
        event: modCount == '0' ? 'created' : 'updated',
        sys_mod_count: modCount,
        actor: actor,
        event_id: gs.generateGUID()
    };
    // ASCII only: how the instance turns text into bytes for the MAC is not documented
    var body = JSON.stringify(payload).replace(/[\u007f-\uffff]/g, function (c) {
        return '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
    });
    // milliseconds since the epoch, UTC
    var ts = String(new GlideDateTime().getNumericValue());
    // generateMac wants the key base64-encoded and answers base64: base64(HMAC-SHA256(secret, ts + body))
    var signature = new GlideCertificateEncryption().generateMac(GlideStringUtil.base64Encode(secret),
            'HmacSHA256', ts + body);

    try {
        var request = new sn_ws.RESTMessageV2('DeskAssist', 'notify');
        request.setRequestHeader('Content-Type', 'application/json');
        request.setRequestHeader('X-DeskAssist-Timestamp', ts);
        request.setRequestHeader('X-DeskAssist-Signature', signature);
        request.setRequestBody(body);
        request.setHttpTimeout(10000);
        var response = request.execute();
        var status = response.getStatusCode();
        if (status < 200 || status > 299) {
            gs.warn('DeskAssist: the call for ' + payload.number + ' was answered ' + status
                    + '; the poller will pick the change up');
        }
    } catch (ex) {
        gs.warn('DeskAssist: the call for ' + payload.number + ' failed (' + ex + '); the poller will pick the change up');
    }
})(current, previous);
