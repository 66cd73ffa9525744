package dev.deskassist.core.summary;

import java.util.List;

/** One message of a conversation as the summarizer sees it: position, author side, visibility and sentences. */
record Turn(int index, boolean customer, boolean internal, List<Sentence> sentences) {

    Turn {
        sentences = List.copyOf(sentences);
    }

    boolean agent() {
        return !customer;
    }
}
