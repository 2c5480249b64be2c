package com.marketopportunities.text;

/** A value quoted in a message, cut short so that a huge input cannot flood the message. */
public final class Excerpt {

    /** Characters shown before the cut. */
    public static final int SHOWN = 40;

    private Excerpt() {
    }

    /** {@code 'text'}, or its first {@link #SHOWN} characters and an ellipsis. */
    public static String quoted(String text) {
        return "'" + (text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…") + "'";
    }
}
