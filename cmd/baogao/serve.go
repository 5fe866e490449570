package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/baogao/baogao/output/searchindex/web"
	"github.com/baogao/baogao/pipeline/segment"
)

// Timeouts of the server: a slow or idle client cannot hold a connection.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 10 * time.Second
	writeTimeout      = 30 * time.Second
	idleTimeout       = 60 * time.Second
	shutdownTimeout   = 10 * time.Second
)

func runServe(ctx context.Context, args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("serve", "serve [-addr HOST:PORT] OUT...", stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "`address` to listen on; anything but a loopback address exposes the reports to the network")
	poll := fs.Duration("poll", 2*time.Second, "check the outputs' manifests this often and load a new publish (0: only on SIGHUP)")
	dictDir := fs.String("dict-dir", "", "jieba dictionary `directory` (default $BAOGAO_DICT_DIR, then the embedded dictionaries)")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "baogao serve: need at least one OUT (the -out of a run, or an index directory)")
		fs.Usage()
		return exitUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		fmt.Fprintf(stderr, "baogao serve: -addr %q: %v\n", *addr, err)
		return exitUsage
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		log.Warn("serving on a non-loopback address: anyone who reaches it can read the reports", "addr", *addr)
	}
	j, err := segment.New(segment.Options{DictDir: *dictDir})
	if err != nil {
		return fatal(ctx, stderr, "serve", err)
	}
	defer j.Close()
	p := *poll
	if p == 0 {
		p = -1
	}
	srv := &web.Server{Dirs: fs.Args(), Jieba: j, Log: log, Poll: p}
	if err := srv.Open(); err != nil {
		return fatal(ctx, stderr, "serve", err)
	}
	defer srv.Close()
	j.Wait() // the first request finds the dictionaries loaded
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fatal(ctx, stderr, "serve", err)
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout, IdleTimeout: idleTimeout, MaxHeaderBytes: 64 << 10,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	fmt.Fprintf(stdout, "baogao: serving %d outputs at http://%s/\n", len(fs.Args()), ln.Addr())
	watch, stopWatch := context.WithCancel(ctx)
	defer stopWatch()
	go srv.Watch(watch)
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	go func() {
		for range hup {
			if err := srv.Reload(true); err != nil {
				log.Warn("reload on SIGHUP", "err", err)
			}
		}
	}()
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fatal(ctx, stderr, "serve", err)
	case <-ctx.Done():
	}
	// Graceful: stop accepting, let requests under way finish.
	sctx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "baogao serve: shutdown: %v\n", err)
		return exitFatal
	}
	fmt.Fprintln(stderr, "baogao serve: stopped")
	return exitOK
}
