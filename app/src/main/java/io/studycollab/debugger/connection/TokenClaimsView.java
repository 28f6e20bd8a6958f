package io.studycollab.debugger.connection;

import io.studycollab.debugger.fx.FxEventPump;
import io.studycollab.debugger.supabase.SupabaseClaimRows;
import io.studycollab.realtime.client.AccessToken;
import io.studycollab.realtime.client.TokenClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** A token's claims, decoded without verifying, with a live countdown to expiry. Never shows the token. */
public final class TokenClaimsView extends GridPane {

    private final Label expires = new Label();
    private final FxEventPump pump;
    private FxEventPump.Registration ticker;
    private TokenClaims claims;

    /** {@code pump} ticks the countdown once a second while the claims are shown. */
    public TokenClaimsView(FxEventPump pump) {
        this.pump = pump;
        createView();
    }

    private void createView() {
        setHgap(12);
        setVgap(6);
        setPadding(new Insets(12));
        getStyleClass().add("token-claims");
    }

    public void show(String tokenText) {
        getChildren().clear();
        claims = null;
        stop();
        if (tokenText == null || tokenText.isBlank()) {
            add(new Label("No token: the sandbox mints one, or a profile's JWT secret does."), 0, 0, 2, 1);
            return;
        }
        try {
            claims = TokenClaims.decode(AccessToken.of(tokenText));
        } catch (IllegalArgumentException e) {
            add(new Label("Cannot decode: " + e.getMessage()), 0, 0, 2, 1);
            return;
        }
        int row = 0;
        List<SupabaseClaimRows.Row> supabase = SupabaseClaimRows.of(tokenText);
        if (supabase != null) {
            // Supabase's claims by their own names, as its docs and RLS policies spell them.
            for (SupabaseClaimRows.Row r : supabase) {
                row = line(row, r.name(), r.value());
            }
            expiresRow(row);
            return;
        }
        row = line(row, "User (sub)", claims.subject());
        row = line(row, "Name", claims.displayName());
        row = line(row, "Email", claims.email());
        row = line(row, "Audience", claims.audience());
        row = line(row, "Role", claims.role());
        row = line(row, "Algorithm", claims.algorithm());
        row = line(row, "Groups", claims.groups() == null ? "any (open policy)" : String.join(", ", claims.groups()));
        row = line(
                row,
                "Issued",
                claims.issuedAt() == null ? "–" : claims.issuedAt().toString());
        expiresRow(row);
    }

    private void expiresRow(int row) {
        add(bold("Expires"), 0, row);
        add(expires, 1, row);
        expires.setId("tokenExpiry");
        ticker = pump.every(FxEventPump.Phase.VIEWS, Duration.ofSeconds(1), now -> tick());
    }

    private int line(int row, String name, String value) {
        add(bold(name), 0, row);
        Label v = new Label(value == null ? "–" : value);
        v.setId("claim-" + name.replaceAll("\\W+", "_"));
        v.setWrapText(true);
        v.setMaxWidth(420);
        add(v, 1, row);
        return row + 1;
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("text-bold");
        return l;
    }

    private void tick() {
        if (claims == null || claims.expiresAt() == null) {
            expires.setText("no exp claim");
            return;
        }
        Duration left = claims.timeLeft(Instant.now());
        if (left.isNegative() || left.isZero()) {
            expires.setText(claims.expiresAt() + " (expired)");
            expires.getStyleClass().setAll("label", "danger");
        } else {
            expires.setText(claims.expiresAt()
                    + String.format(" (in %d:%02d:%02d)", left.toHours(), left.toMinutesPart(), left.toSecondsPart()));
            expires.getStyleClass().setAll("label", left.toMinutes() < 5 ? "warning" : "success");
        }
    }

    public void stop() {
        if (ticker != null) {
            ticker.cancel();
            ticker = null;
        }
    }
}
