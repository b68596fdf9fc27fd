package org.automations.demo;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The form moderators fill in during an issue discussion. */
public class MailModeration {

    @NotBlank
    @Size(max = 200)
    private String summary;

    private boolean publish;

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public boolean isPublish() {
        return publish;
    }

    public void setPublish(boolean publish) {
        this.publish = publish;
    }
}
