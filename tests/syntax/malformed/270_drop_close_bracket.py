@property
def mailboxes(self):
    if self[2].token_type != 'group-list':
        return []
    return self[2.mailboxes
