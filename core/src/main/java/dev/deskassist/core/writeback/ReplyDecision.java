package dev.deskassist.core.writeback;

import java.util.List;

/** Whether a draft goes to the customer as a public reply, and why or why not. */
public record ReplyDecision(boolean publicReply, List<String> reasons) {

    public ReplyDecision {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
