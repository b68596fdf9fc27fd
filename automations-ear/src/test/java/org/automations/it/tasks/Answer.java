package org.automations.it.tasks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A small form bean for the tests. */
public class Answer {

    @NotBlank
    @Size(max = 20)
    private String text;

    private boolean agreed;

    public Answer() {
    }

    public Answer(String text, boolean agreed) {
        this.text = text;
        this.agreed = agreed;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public boolean isAgreed() {
        return agreed;
    }

    public void setAgreed(boolean agreed) {
        this.agreed = agreed;
    }
}
