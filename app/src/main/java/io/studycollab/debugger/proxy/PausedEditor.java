package io.studycollab.debugger.proxy;

import atlantafx.base.theme.Styles;
import io.studycollab.realtime.protocol.ProtocolCodec;
import io.studycollab.realtime.proxy.breakpoint.PausedPacket;
import io.studycollab.realtime.proxy.wire.SioPacket;
import io.studycollab.realtime.session.Redactor;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The packets paused at breakpoints, each with its countdown, and the selected one in an editor: its
 * Socket.IO JSON, checked as it is typed; Forward, Forward edited, Drop. A packet whose text shows a
 * masked secret (a handshake token) can be forwarded or dropped, not edited: the mask is not the token.
 */
final class PausedEditor extends VBox {

    private final ProxyController controller;
    private final ProxyModel model;
    private final ListView<PausedPacket> paused = new ListView<>();
    private final TextArea json = new TextArea();
    private final Label verdict = new Label();
    private final Button forward = new Button("Forward");
    private final Button forwardEdited = new Button("Forward edited");
    private final Button drop = new Button("Drop");
    private PausedPacket shown;

    PausedEditor(ProxyController controller) {
        this.controller = controller;
        this.model = controller.model();
        createView();
        initListeners();
    }

    private void createView() {
        setSpacing(6);
        paused.setId("bpPaused");
        paused.getStyleClass().add(Styles.DENSE);
        paused.setPrefHeight(90);
        paused.setPlaceholder(new Label("Nothing paused"));
        paused.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PausedPacket p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : describe(p));
                pseudoClassStateChanged(LaneCell.PAUSED, !empty && p != null);
            }
        });
        json.setId("bpJson");
        json.getStyleClass().add("monospace");
        json.setWrapText(true);
        json.setPrefRowCount(4);
        verdict.setId("bpVerdict");
        verdict.setWrapText(true);
        forward.setId("bpForward");
        forwardEdited.setId("bpForwardEdited");
        forwardEdited.getStyleClass().add(Styles.ACCENT);
        drop.setId("bpDrop");
        drop.getStyleClass().add(Styles.DANGER);
        HBox buttons = new HBox(6, forward, forwardEdited, drop);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(json, Priority.ALWAYS);
        getChildren().setAll(new Label("Paused packets"), paused, json, verdict, buttons);
        show(null);
    }

    private String describe(PausedPacket p) {
        long left = Math.max(0, (p.deadlineMillis() - model.nowProperty().get() + 999) / 1000);
        String user =
                p.connection().userId() == null ? "" : " (" + p.connection().userId() + ")";
        return "‖ " + p.view().name() + " " + p.flow().label() + " on "
                + p.connection().id() + user + " · auto-release in " + left + " s";
    }

    private void initListeners() {
        paused.setItems(model.paused());
        // only a choice of another packet replaces the editor's text: an edit in progress survives
        // the list being refreshed (a new pause, a countdown) under it
        paused.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p != shown) {
                show(p);
            }
        });
        model.paused().addListener((ListChangeListener<PausedPacket>) c -> {
            if (shown != null && model.paused().contains(shown)) {
                paused.getSelectionModel().select(shown);
            } else if (model.paused().isEmpty()) {
                show(null);
            } else {
                // the oldest paused packet is the one holding its lane: show it
                show(model.paused().get(0));
                paused.getSelectionModel().select(0);
            }
        });
        model.nowProperty().addListener((o, a, n) -> {
            if (!model.paused().isEmpty()) {
                paused.refresh();
            }
        });
        json.textProperty().addListener((o, a, t) -> check());
        forward.setOnAction(e -> act(ProxyController.PauseAction.FORWARD));
        forwardEdited.setOnAction(e -> act(ProxyController.PauseAction.FORWARD_EDITED));
        drop.setOnAction(e -> act(ProxyController.PauseAction.DROP));
    }

    private void show(PausedPacket p) {
        shown = p;
        boolean none = p == null;
        forward.setDisable(none);
        drop.setDisable(none);
        json.setDisable(none);
        if (none) {
            json.setText("");
            verdict.setText("");
            forwardEdited.setDisable(true);
            return;
        }
        SioPacket packet = p.view().message().packet();
        String text = packet == null ? "" : p.connection().redactor().text(packet.json());
        json.setText(text);
        check();
    }

    private void check() {
        if (shown == null) {
            return;
        }
        String t = json.getText();
        boolean ok;
        if (t.contains(Redactor.MASK)) {
            verdict.setText("Shows a masked secret: forward it unchanged or drop it");
            ok = false;
        } else {
            try {
                ProtocolCodec.parse(t);
                verdict.setText("✓ valid JSON");
                ok = true;
            } catch (Exception e) {
                verdict.setText(
                        "✗ not JSON: " + e.getMessage().lines().findFirst().orElse(""));
                ok = false;
            }
        }
        verdict.pseudoClassStateChanged(PseudoClass.getPseudoClass("invalid"), !ok);
        forwardEdited.setDisable(!ok);
    }

    private void act(ProxyController.PauseAction action) {
        if (shown == null) {
            return;
        }
        try {
            controller.resolve(shown, action, json.getText());
        } catch (IllegalArgumentException e) {
            verdict.setText("✗ " + e.getMessage()); // stays paused: fix the text and try again
        }
    }
}
