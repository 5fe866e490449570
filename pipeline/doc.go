// Package pipeline runs documents through analysis stages: a Source emits
// documents in input order, N workers apply the Stages to each, and the
// results reach one consumer in the same order, so the same corpus and flags
// give the same rows in the same order.
package pipeline
