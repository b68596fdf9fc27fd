package org.automations.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.automations.web.FormField.Kind;
import org.junit.jupiter.api.Test;

/** Which inputs the default form page renders for a form bean. */
class FormFieldsTest {

    enum Priority { LOW, HIGH }

    public static class Base {
        private String reference;

        public String getReference() {
            return reference;
        }

        public void setReference(String reference) {
            this.reference = reference;
        }
    }

    public static class Request extends Base {
        @Id
        private Long id;
        @Version
        private long version;
        @NotBlank
        @Size(max = 80)
        private String summary;
        @Size(max = 2000)
        private String details;
        @Email
        private String contact;
        private int count;
        private BigDecimal amount;
        private boolean urgent;
        @NotNull
        private Priority priority;
        private LocalDate due;
        private LocalDateTime meeting;
        private Object notRenderable;
        private String readOnly;

        public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        public long getVersion() { return version; }
        public void setVersion(long version) { this.version = version; }
        public String getSummary() { return summary; }
        public void setSummary(String summary) { this.summary = summary; }
        public String getDetails() { return details; }
        public void setDetails(String details) { this.details = details; }
        public String getContact() { return contact; }
        public void setContact(String contact) { this.contact = contact; }
        public int getCount() { return count; }
        public void setCount(int count) { this.count = count; }
        public BigDecimal getAmount() { return amount; }
        public void setAmount(BigDecimal amount) { this.amount = amount; }
        public boolean isUrgent() { return urgent; }
        public void setUrgent(boolean urgent) { this.urgent = urgent; }
        public Priority getPriority() { return priority; }
        public void setPriority(Priority priority) { this.priority = priority; }
        public LocalDate getDue() { return due; }
        public void setDue(LocalDate due) { this.due = due; }
        public LocalDateTime getMeeting() { return meeting; }
        public void setMeeting(LocalDateTime meeting) { this.meeting = meeting; }
        public Object getNotRenderable() { return notRenderable; }
        public void setNotRenderable(Object value) { this.notRenderable = value; }
        public String getReadOnly() { return readOnly; }
    }

    @Test
    void onePropertyOneInputInDeclarationOrderSuperclassFirst() {
        List<FormField> fields = FormFields.of(Request.class);

        assertEquals(List.of("reference", "summary", "details", "contact", "count", "amount", "urgent", "priority",
                "due", "meeting"), fields.stream().map(FormField::getName).toList());
        assertEquals(List.of(Kind.TEXT, Kind.TEXT, Kind.TEXTAREA, Kind.EMAIL, Kind.NUMBER, Kind.NUMBER, Kind.CHECKBOX,
                Kind.SELECT, Kind.DATE, Kind.DATETIME), fields.stream().map(FormField::getKind).toList());
    }

    @Test
    void constraintsShapeTheInputs() {
        List<FormField> fields = FormFields.of(Request.class);
        FormField summary = fields.get(1);
        assertTrue(summary.isRequired());
        assertEquals(80, summary.getMaxLength());
        assertFalse(fields.get(0).isRequired());
        assertEquals(0, fields.get(0).getMaxLength());
        assertTrue(fields.get(7).isRequired());
        assertEquals(List.of(Priority.LOW, Priority.HIGH), fields.get(7).getOptions());
    }

    @Test
    void labelsAreTheWordsOfTheProperty() {
        assertEquals("Summary", FormFields.label("summary"));
        assertEquals("Publish now", FormFields.label("publishNow"));
    }
}
