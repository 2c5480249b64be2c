package com.marketopportunities.cli;

import com.marketopportunities.scan.ScanListener;
import java.io.PrintWriter;

/**
 * Progress on stderr: each stage on its own line, and the fetch count rewritten in place on a
 * terminal, or once each time the requests so far are all answered otherwise (logs stay short).
 */
final class StderrProgress implements ScanListener {

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void stage(String description) {
        err.println((terminal ? "\r" : "") + "... " + description);
        err.flush();
    }

    @Override
    public synchronized void fetched(String symbol, int completed, int requested) {
        if (terminal) {
            err.print("\r    market data " + completed + "/" + requested + " (" + symbol + ")          ");
            if (completed == requested) {
                err.println();
            }
            err.flush();
            return;
        }
        if (completed == requested) {
            err.println("    market data " + completed + "/" + requested);
            err.flush();
        }
    }
}
