package dev.deskassist.core.encoder;

import dev.deskassist.core.triage.classify.Example;
import dev.deskassist.core.triage.classify.TrainingData;
import java.util.ArrayList;
import java.util.List;

/** A small labeled set written for these tests: four English intents, eight examples each. */
final class TinyIntents {

    private TinyIntents() {
    }

    static final String[][] ROWS = {
            {"card_lost", "I lost my card yesterday"},
            {"card_lost", "my debit card was stolen"},
            {"card_lost", "I can't find my card anywhere"},
            {"card_lost", "someone took my wallet with the bank card"},
            {"card_lost", "please block my card, it is missing"},
            {"card_lost", "my credit card got stolen on the train"},
            {"card_lost", "I think I left my card at the restaurant and it is gone"},
            {"card_lost", "freeze my card, I misplaced it"},
            {"refund", "I want my money back for this order"},
            {"refund", "please refund the purchase"},
            {"refund", "how long does a refund take"},
            {"refund", "I returned the item but got no refund"},
            {"refund", "can I get a reimbursement for the faulty product"},
            {"refund", "the shop promised to pay me back"},
            {"refund", "where is the money for my returned parcel"},
            {"refund", "refund my subscription fee please"},
            {"password_reset", "I forgot my password"},
            {"password_reset", "how do I reset my login password"},
            {"password_reset", "I can't log in, the password is wrong"},
            {"password_reset", "send me a link to change my password"},
            {"password_reset", "my account is locked after too many login attempts"},
            {"password_reset", "the password reset email never arrived"},
            {"password_reset", "I need a new password for the app"},
            {"password_reset", "sign in fails with my old password"},
            {"delivery_late", "my parcel has not arrived yet"},
            {"delivery_late", "where is my package, it is late"},
            {"delivery_late", "the delivery was due last week"},
            {"delivery_late", "tracking shows no update for days"},
            {"delivery_late", "my order still has not been shipped"},
            {"delivery_late", "the courier never came"},
            {"delivery_late", "when will my shipment be delivered"},
            {"delivery_late", "the package is delayed again"},
    };

    static TrainingData data() {
        List<Example> ex = new ArrayList<>();
        for (String[] r : ROWS) {
            ex.add(new Example(r[1], r[0]));
        }
        return TrainingData.of("tiny-intents", ex);
    }
}
