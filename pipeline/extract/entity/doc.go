// Package entity finds organisations, people and places from jieba's
// part-of-speech tags plus rules: jieba tags many person names as unknown
// words ("x"), and splits organisation names into a place and common
// nouns (徐州市/ns 中心医院/nt), so tags alone are not enough.
//
// Extract is pure: it takes the tagged words of a text (segment.Jieba.Tag)
// and returns mentions of kind org, person and place, non-overlapping,
// sorted by start. An organisation claims the place inside its name.
package entity
