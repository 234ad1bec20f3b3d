# Board-game search: alpha-beta minimax over connect-four positions on a
# 6x5 board to a fixed depth, with a transposition table keyed by the board.
ROWS, COLS = 5, 6
WIN_LINES = []
for r in range(ROWS):
    for c in range(COLS):
        for dr, dc in ((0, 1), (1, 0), (1, 1), (1, -1)):
            cells = [(r + k * dr, c + k * dc) for k in range(4)]
            if all(0 <= rr < ROWS and 0 <= cc < COLS for rr, cc in cells):
                WIN_LINES.append([rr * COLS + cc for rr, cc in cells])


def score(board):
    total = 0
    for line in WIN_LINES:
        a = b = 0
        for i in line:
            v = board[i]
            if v == 1:
                a += 1
            elif v == 2:
                b += 1
        if a and not b:
            total += (1, 4, 32, 10000)[a - 1]
        elif b and not a:
            total -= (1, 4, 32, 10000)[b - 1]
    return total


def moves(board):
    result = []
    for c in (2, 3, 1, 4, 0, 5):
        for r in range(ROWS - 1, -1, -1):
            if board[r * COLS + c] == 0:
                result.append(r * COLS + c)
                break
    return result


def search(board, depth, alpha, beta, player, table, stats):
    stats[0] += 1
    key = (tuple(board), depth, player)
    if key in table:
        return table[key]
    s = score(board)
    if depth == 0 or abs(s) >= 5000:
        return s
    ms = moves(board)
    if not ms:
        return s
    if player == 1:
        best = -10**9
        for m in ms:
            board[m] = 1
            best = max(best, search(board, depth - 1, alpha, beta, 2, table, stats))
            board[m] = 0
            alpha = max(alpha, best)
            if alpha >= beta:
                break
    else:
        best = 10**9
        for m in ms:
            board[m] = 2
            best = min(best, search(board, depth - 1, alpha, beta, 1, table, stats))
            board[m] = 0
            beta = min(beta, best)
            if alpha >= beta:
                break
    table[key] = best
    return best


board = [0] * (ROWS * COLS)
stats = [0]
results = []
player = 1
for turn in range(6):
    best_move, best_val = None, None
    for m in moves(board):
        board[m] = player
        v = search(board, 5, -10**9, 10**9, 3 - player, {}, stats)
        board[m] = 0
        if best_val is None or (v > best_val if player == 1 else v < best_val):
            best_move, best_val = m, v
    board[best_move] = player
    results.append((best_move, best_val))
    player = 3 - player
print(results, stats[0])
