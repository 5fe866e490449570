// Package summarytest reads the tables output/summary writes with an
// independent Parquet implementation (arrow-go), for the tests of every
// package that checks baogao's outputs.
package summarytest

import (
	"context"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// ReadTable reads a Parquet file with arrow-go, a reader independent of
// the parquet-go writer, and returns its Arrow schema and its rows as
// column name → value, with nil for null.
func ReadTable(t testing.TB, path string) (*arrow.Schema, []map[string]any) {
	t.Helper()
	rdr, err := file.OpenParquetFile(path, false)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer rdr.Close()
	fr, err := pqarrow.NewFileReader(rdr, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
	if err != nil {
		t.Fatalf("pqarrow %s: %v", path, err)
	}
	tbl, err := fr.ReadTable(context.Background())
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	defer tbl.Release()
	rows := make([]map[string]any, tbl.NumRows())
	for i := range rows {
		rows[i] = map[string]any{}
	}
	for c := 0; c < int(tbl.NumCols()); c++ {
		name := tbl.Schema().Field(c).Name
		r := 0
		for _, chunk := range tbl.Column(c).Data().Chunks() {
			for i := 0; i < chunk.Len(); i++ {
				rows[r][name] = value(t, chunk, i)
				r++
			}
		}
	}
	return tbl.Schema(), rows
}

// value converts element i of arr into a plain Go value.
func value(t testing.TB, arr arrow.Array, i int) any {
	if arr.IsNull(i) {
		return nil
	}
	switch a := arr.(type) {
	case *array.String:
		return a.Value(i)
	case *array.LargeString:
		return a.Value(i)
	case *array.Int32:
		return a.Value(i)
	case *array.Int64:
		return a.Value(i)
	case *array.Float64:
		return a.Value(i)
	case *array.Boolean:
		return a.Value(i)
	case *array.Date32:
		return a.Value(i).ToTime().Format(time.DateOnly)
	case *array.Timestamp:
		unit := a.DataType().(*arrow.TimestampType).Unit
		return a.Value(i).ToTime(unit).UTC().Format("2006-01-02T15:04:05")
	case *array.Map:
		start, end := a.ValueOffsets(i)
		m := map[string]string{}
		for j := int(start); j < int(end); j++ {
			m[value(t, a.Keys(), j).(string)] = value(t, a.Items(), j).(string)
		}
		return m
	case *array.List:
		start, end := a.ValueOffsets(i)
		var l []any
		for j := int(start); j < int(end); j++ {
			l = append(l, value(t, a.ListValues(), j))
		}
		return l
	}
	t.Fatalf("unexpected Arrow array %T", arr)
	return nil
}
