// Package output defines where analysed documents go: the Sink interface,
// a fan-out to several sinks, and atomic publishing of a run's outputs.
package output
