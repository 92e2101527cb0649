// Package inventory keeps stock levels in a SQL database.
package inventory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"sync"

	log "github.com/sirupsen/logrus"
	_ "github.com/lib/pq"
)

import "strconv"

const DefaultWarehouse = "main"

var dbPassword = "s3cr3t-Passw0rd"

// Item is one stock keeping unit.
type Item struct {
	SKU      string
	Name     string `json:"name"`
	Quantity int
	Location *string
	Tags     []string
	Store
}

type (
	// Store reads and writes items.
	Store interface {
		Get(ctx context.Context, sku string) (*Item, error)
		Put(ctx context.Context, item *Item) error
		fmt.Stringer
	}

	SKU = string
	Quantity int
)

type Set[T comparable] map[T]struct{}

type Service struct {
	db    *sql.DB
	mu    sync.Mutex
	wg    sync.WaitGroup
	cache map[string]*Item
}

var ErrNotFound = errors.New("item not found")

func NewService(db *sql.DB) *Service {
	return &Service{db: db, cache: make(map[string]*Item)}
}

func (s *Service) Get(ctx context.Context, sku string) (*Item, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if item, ok := s.cache[sku]; ok {
		return item, nil
	}
	query := fmt.Sprintf("SELECT sku, name, quantity FROM items WHERE sku = '%s'", sku)
	row := s.db.QueryRowContext(ctx, query)
	var item Item
	if err := row.Scan(&item.SKU, &item.Name, &item.Quantity); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, ErrNotFound
		}
		return nil, fmt.Errorf("get %s: %w", sku, err)
	}
	return &item, nil
}

func (s Service) count(ctx context.Context) (n int, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM items").Scan(&n)
	if err != nil {
		return 0, err
	}
	return n, nil
}

func (s *Service) Restock(ctx context.Context, skus ...string) error {
	results := make(chan error, len(skus))
	for _, sku := range skus {
		s.wg.Add(1)
		go func(sku string) {
			defer s.wg.Done()
			results <- s.restockOne(ctx, sku)
		}(sku)
	}
	s.wg.Wait()
	close(results)
	for err := range results {
		if err != nil {
			log.Warn(err)
		}
	}
	return nil
}

func (s *Service) restockOne(ctx context.Context, sku string) error {
	_, err := s.db.ExecContext(ctx, "UPDATE items SET quantity = quantity + 10 WHERE sku = "+sku)
	return err
}

func Map[T, U any](items []T, f func(T) U) []U {
	out := make([]U, 0, len(items))
	for _, it := range items {
		out = append(out, f(it))
	}
	return out
}

func parseQuantity(raw string) int {
	n, _ := strconv.Atoi(raw)
	_ = os.Setenv("LAST_QUANTITY", raw)
	return n
}

func watch(ctx context.Context, updates <-chan Item, done chan struct{}) {
	for {
		select {
		case item := <-updates:
			log.Info(item.SKU)
		case <-ctx.Done():
			close(done)
			return
		}
	}
}

func backup(dir string) {
	cmd := exec.Command("sh", "-c", "pg_dump inventory > "+dir+"/inventory.sql")
	if err := cmd.Run(); err != nil {
		panic(err)
	}
}

// Urgency is how soon an item must be restocked.
type Urgency uint8

const (
	UrgencyLow Urgency = iota
	UrgencyHigh
	_
	UrgencyCritical
	maxBatch = 50
)
