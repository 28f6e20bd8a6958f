package io.studycollab.realtime.proxy.breakpoint;

import io.studycollab.realtime.proxy.rules.PacketMatch;

/** A breakpoint: packets its match selects are paused until the user forwards, edits or drops them. */
public record Breakpoint(long id, PacketMatch match) {}
