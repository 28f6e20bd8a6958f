package io.studycollab.debugger.cli.options;

import picocli.CommandLine.Option;

/** The server a client command talks to. */
public final class ServerUrlOption {

    @Option(names = "--url", required = true, description = "Server URL, e.g. http://127.0.0.1:3000")
    public String url;
}
