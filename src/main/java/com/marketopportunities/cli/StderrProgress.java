package com.marketopportunities.cli;

import com.marketopportunities.scan.ScanListener;
import java.io.PrintWriter;

/**
 * Progress on stderr: each stage on its own line, and the fetch count rewritten in place on a
 * terminal; otherwise at most one count a second, when all requests so far are answered (logs stay short).
 */
final class StderrProgress implements ScanListener {

    private final PrintWriter err;
    private final boolean terminal = System.console() != null;
    private long lastPrinted = System.nanoTime();

    StderrProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void stage(String description) {
        err.println((terminal ? "\r" : "") + "... " + description);
        lastPrinted = System.nanoTime();
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
        long now = System.nanoTime();
        if (completed == requested && now - lastPrinted > 1_000_000_000L) {
            lastPrinted = now;
            err.println("    market data " + completed + "/" + requested);
            err.flush();
        }
    }
}
