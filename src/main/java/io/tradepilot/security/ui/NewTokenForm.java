package io.tradepilot.security.ui;

import io.tradepilot.security.PlainText;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.Optional;

/** Name and lifetime of a new API token; fires a {@link CreateTokenEvent}. */
public class NewTokenForm extends HorizontalLayout {

    /** How long a new token lives. */
    public enum Lifetime {
        DAYS_7("7 days", Duration.ofDays(7)),
        DAYS_30("30 days", Duration.ofDays(30)),
        DAYS_90("90 days", Duration.ofDays(90)),
        YEAR("1 year", Duration.ofDays(365)),
        NEVER("Never expires", null);

        private final String label;
        private final Duration duration;

        Lifetime(String label, Duration duration) {
            this.label = label;
            this.duration = duration;
        }

        public Optional<Duration> duration() {
            return Optional.ofNullable(duration);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    final TextField name = new TextField("Token name");
    final Select<Lifetime> lifetime = new Select<>();
    final Button create = new Button("Create token");

    public NewTokenForm() {
        name.setId("token-name");
        name.setPlaceholder("e.g. monitoring script");
        name.setMaxLength(64);
        lifetime.setId("token-lifetime");
        lifetime.setLabel("Expires");
        lifetime.setItems(Lifetime.values());
        lifetime.setValue(Lifetime.DAYS_90);
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage("Give the token a name.");
                name.setInvalid(true);
                return;
            }
            var problem = PlainText.singleLineProblem(name.getValue());
            if (problem.isPresent()) {
                name.setErrorMessage("The name " + problem.get());
                name.setInvalid(true);
                return;
            }
            name.setInvalid(false);
            fireEvent(new CreateTokenEvent(this, name.getValue().strip(), lifetime.getValue()));
        });
        setAlignItems(FlexComponent.Alignment.BASELINE);
        add(name, lifetime, create);
    }

    public void clear() {
        name.clear();
        lifetime.setValue(Lifetime.DAYS_90);
    }

    public Registration addCreateTokenListener(ComponentEventListener<CreateTokenEvent> listener) {
        return addListener(CreateTokenEvent.class, listener);
    }

    /** The user asked for a new token. */
    public static final class CreateTokenEvent extends ComponentEvent<NewTokenForm> {

        private final String name;
        private final Lifetime lifetime;

        CreateTokenEvent(NewTokenForm source, String name, Lifetime lifetime) {
            super(source, false);
            this.name = name;
            this.lifetime = lifetime;
        }

        public String name() {
            return name;
        }

        public Lifetime lifetime() {
            return lifetime;
        }
    }
}
